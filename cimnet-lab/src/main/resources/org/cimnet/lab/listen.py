# cimnet lab listener: accepts TCP connections on every port given and answers each with the
# identity of the namespace it runs in, so a prober knows who it reached (not just that
# something answered). A port the namespace's own services already hold (a router's Unbound on
# tcp/53) is left to them: "held PORT" is printed for it. Prints "ready" once every other port
# is bound.
#
# It also relays, as a container on two subnets would: after its identity, a client may send
# "relay BIND ADDRESS PORT WANT [BIND ADDRESS PORT WANT]..."; the listener opens the first hop
# from BIND (its own address in that subnet) to ADDRESS:PORT, passes the rest on, and answers
# with one line: "connected IDENTITY" of the last hop, or what failed and where.
#
# usage: listen.py IDENTITY TIMEOUT PORT...
import errno, selectors, socket, sys, threading

from hops import onward, read_line

identity = sys.argv[1]
timeout = float(sys.argv[2])
sel = selectors.DefaultSelector()
for port in sys.argv[3:]:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("0.0.0.0", int(port)))
    except OSError as e:
        if e.errno != errno.EADDRINUSE:
            raise
        s.close()
        print("held", port, flush=True)
        continue
    s.listen(256)
    s.setblocking(False)
    sel.register(s, selectors.EVENT_READ)
print("ready", flush=True)


def serve(conn):
    try:
        conn.settimeout(timeout * 2)
        conn.sendall(identity.encode() + b"\n")
        words = read_line(conn).decode(errors="replace").split()
        if words and words[0] == "relay":
            conn.sendall((onward(words[1:], timeout, identity) + "\n").encode())
    except OSError:
        pass
    finally:
        conn.close()


while True:
    for key, _ in sel.select():
        try:
            conn, _ = key.fileobj.accept()
        except OSError:
            continue
        conn.setblocking(True)
        threading.Thread(target=serve, args=(conn,), daemon=True).start()
