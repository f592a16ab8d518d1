# cimnet lab prober: reads lines "ID ADDRESS PORT" or "ID chain BIND ADDRESS PORT WANT ..." (a
# connection through relays, see hops.py) from the file argv[1], opens each connection (in
# parallel, each hop bounded by argv[2] seconds) and prints one line per probe: "ID connected
# IDENTITY", "ID refused", "ID timeout", "ID error MESSAGE", or for a chain what failed and where
# (argv[3], if given, names the prober there).
import concurrent.futures, sys

from hops import onward

timeout = float(sys.argv[2])
me = sys.argv[3] if len(sys.argv) > 3 else "prober"


def probe(line):
    words = line.split()
    pid = words[0]
    if words[1] == "chain":
        return pid + " " + onward(words[2:], timeout, me)
    result = onward(["-", words[1], words[2], "*"], timeout, me)
    # A direct probe answers only how it ended, as it always has.
    return pid + " " + (result if result.startswith("connected") else result.split(" at ")[0])


with open(sys.argv[1]) as f:
    lines = [l for l in f.read().splitlines() if l.strip()]
with concurrent.futures.ThreadPoolExecutor(max_workers=48) as pool:
    for result in pool.map(probe, lines):
        print(result, flush=True)
