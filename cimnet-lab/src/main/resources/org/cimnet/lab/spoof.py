# cimnet lab spoofer: sends UDP datagrams to argv[1] port 9 through a raw socket, each with the
# source address and payload given as "SOURCE PAYLOAD" pairs in argv[2:], in order, three times
# each; the first pair is the control with the sender's own address (it also resolves the
# gateway's MAC with an honest ARP request before anything forged is sent).
import socket, struct, sys, time

def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF

def packet(src, dst, payload):
    udp_len = 8 + len(payload)
    pseudo = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack("!BBH", 0, 17, udp_len)
    udp = struct.pack("!HHHH", 40000, 9, udp_len, 0) + payload
    udp = udp[:6] + struct.pack("!H", checksum(pseudo + udp) or 0xFFFF) + udp[8:]
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + udp_len, 0, 0, 64, 17, 0,
                         socket.inet_aton(src), socket.inet_aton(dst))
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    return header + udp

dst = sys.argv[1]
s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
pairs = sys.argv[2:]
for i in range(0, len(pairs), 2):
    for _ in range(3):
        try:
            s.sendto(packet(pairs[i], dst, pairs[i + 1].encode()), (dst, 0))
        except OSError as e:
            print("error", pairs[i], e, flush=True)
        time.sleep(0.05)
    time.sleep(0.3)
print("sent", flush=True)
