# cimnet lab: turns off transmit checksum offload on the interfaces in argv[1:] (ethtool -K IF
# tx off, through the ioctl, as ethtool may be missing). A veth hands the userspace switch
# packets whose TCP checksum is left to the hardware; without this, every TCP segment from a
# namespace would arrive with a bad checksum.
import ctypes, fcntl, socket, struct, sys

SIOCETHTOOL = 0x8946
ETHTOOL_STXCSUM = 0x17
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for name in sys.argv[1:]:
    value = ctypes.create_string_buffer(struct.pack("II", ETHTOOL_STXCSUM, 0))
    fcntl.ioctl(s.fileno(), SIOCETHTOOL, struct.pack("16sQ", name.encode(), ctypes.addressof(value)))
