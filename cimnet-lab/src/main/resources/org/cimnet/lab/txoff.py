# cimnet lab: turns off transmit checksum offload on the interfaces in argv[1:] (ethtool -K IF
# tx off, through the ioctl, as ethtool may be missing). A veth hands the userspace switch
# packets whose TCP checksum is left to the hardware; without this, every TCP segment from a
# namespace would arrive with a bad checksum.
# With --client first, the namespace also ignores ICMP redirects: a container keeps sending
# through its gateway, as the plan's default route says, even where the router would shortcut it.
import ctypes, fcntl, socket, struct, sys

SIOCETHTOOL = 0x8946
ETHTOOL_STXCSUM = 0x17
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
names = sys.argv[1:]
if names and names[0] == "--client":
    names = names[1:]
    for conf in ("all", "default"):
        with open("/proc/sys/net/ipv4/conf/%s/accept_redirects" % conf, "w") as f:
            f.write("0\n")
for name in names:
    value = ctypes.create_string_buffer(struct.pack("II", ETHTOOL_STXCSUM, 0))
    fcntl.ioctl(s.fileno(), SIOCETHTOOL, struct.pack("16sQ", name.encode(), ctypes.addressof(value)))
