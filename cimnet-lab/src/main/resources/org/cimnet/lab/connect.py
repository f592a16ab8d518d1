# cimnet lab prober: reads lines "ID ADDRESS PORT" from the file argv[1], opens a TCP connection
# to each (in parallel, each bounded by argv[2] seconds) and prints one line per probe:
# "ID connected IDENTITY", "ID refused", "ID timeout" or "ID error MESSAGE".
import concurrent.futures, socket, sys

timeout = float(sys.argv[2])

def probe(line):
    pid, address, port = line.split()
    try:
        with socket.create_connection((address, int(port)), timeout=timeout) as s:
            s.settimeout(timeout)
            data = b""
            while not data.endswith(b"\n"):
                chunk = s.recv(256)
                if not chunk:
                    break
                data += chunk
            who = data.decode(errors="replace").strip() or "(silent)"
            return pid + " connected " + who.split()[0]
    except ConnectionRefusedError:
        return pid + " refused"
    except (socket.timeout, TimeoutError):
        return pid + " timeout"
    except OSError as e:
        return pid + " error " + (e.strerror or str(e)).replace(" ", "_")

with open(sys.argv[1]) as f:
    lines = [l for l in f.read().splitlines() if l.strip()]
with concurrent.futures.ThreadPoolExecutor(max_workers=48) as pool:
    for result in pool.map(probe, lines):
        print(result, flush=True)
