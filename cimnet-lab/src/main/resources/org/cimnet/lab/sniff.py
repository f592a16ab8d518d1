# cimnet lab witness: listens on the interfaces in argv[2:] (the router's own subnet ports,
# after the switch) and prints "seen IFACE SOURCE PAYLOAD" for every IPv4/UDP datagram whose
# payload starts with argv[1]. Prints "ready" once listening; runs until killed.
import select, socket, struct, sys

marker = sys.argv[1].encode()
socks = {}
for name in sys.argv[2:]:
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0800))
    s.bind((name, 0))
    socks[s] = name
print("ready", flush=True)
while True:
    ready, _, _ = select.select(list(socks), [], [])
    for s in ready:
        frame, addr = s.recvfrom(65535)
        if addr[2] == socket.PACKET_OUTGOING:
            continue
        ip = frame[14:]
        if len(ip) < 28 or ip[9] != 17:
            continue
        header = (ip[0] & 0x0F) * 4
        payload = ip[header + 8:]
        if payload.startswith(marker):
            print("seen", socks[s], socket.inet_ntoa(ip[12:16]),
                  payload.decode(errors="replace"), flush=True)
