# cimnet lab: one connection through a chain of relays, shared by the prober (connect.py) and the
# relays (listen.py). A chain is a list of words, four per hop: BIND ADDRESS PORT WANT. BIND is
# the source address to send from ("-": the kernel's choice), WANT the identity the hop must
# answer with ("*": any, for the last hop). Returns "connected IDENTITY" (the last hop's), or
# "timeout at ADDRESS:PORT from WHO" (refused, error ...) for the first hop that failed.
import socket


def read_line(s):
    """Everything up to and with the first newline, or until the peer closes."""
    data = b""
    while not data.endswith(b"\n"):
        chunk = s.recv(1024)
        if not chunk:
            break
        data += chunk
    return data


def outcome(e):
    if isinstance(e, ConnectionRefusedError):
        return "refused"
    if isinstance(e, (socket.timeout, TimeoutError)):
        return "timeout"
    return "error " + (getattr(e, "strerror", None) or str(e)).replace(" ", "_")


def onward(words, timeout, me):
    bind, address, port, want = words[:4]
    rest = words[4:]
    where = " at %s:%s from %s" % (address, port, me)
    try:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(timeout)
        if bind != "-":
            s.bind((bind, 0))
        s.connect((address, int(port)))
    except OSError as e:
        return outcome(e) + where
    with s:
        data = b""
        try:
            data = read_line(s)
        except OSError:
            pass
        # Connected, but nothing said who: a service of the host itself (a router's Unbound).
        who = (data.decode(errors="replace").split() or ["(silent)"])[0]
        if not rest:
            return "connected " + who
        if want != "*" and who != want:
            return "reached " + who + " instead of " + want + where
        try:
            s.settimeout(timeout * 2 * (len(rest) // 4) + timeout)
            s.sendall(("relay " + " ".join(rest) + "\n").encode())
            answer = read_line(s)
        except OSError as e:
            return outcome(e) + " waiting for relay " + who
        text = answer.decode(errors="replace").strip()
        return text or "relay " + who + " closed without an answer"
