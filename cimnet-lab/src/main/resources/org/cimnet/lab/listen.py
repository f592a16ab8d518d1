# cimnet lab listener: accepts TCP connections on every port given and answers each with the
# identity of the namespace it runs in, so a prober knows who it reached (not just that
# something answered). Prints "ready" once every port is bound.
import selectors, socket, sys

identity = sys.argv[1].encode() + b"\n"
sel = selectors.DefaultSelector()
for port in sys.argv[2:]:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("0.0.0.0", int(port)))
    s.listen(256)
    s.setblocking(False)
    sel.register(s, selectors.EVENT_READ)
print("ready", flush=True)
while True:
    for key, _ in sel.select():
        try:
            conn, _ = key.fileobj.accept()
            conn.settimeout(1)
            conn.sendall(identity)
            conn.close()
        except OSError:
            pass
