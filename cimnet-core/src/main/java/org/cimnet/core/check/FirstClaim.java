package org.cimnet.core.check;

/**
 * Who claimed a number first: an open-addressing table from a 64-bit key (an address, a MAC) to
 * the index of its first claimant. Unboxed, so checking the uniqueness of 100,000 addresses or
 * MACs costs no garbage beyond the two arrays.
 */
final class FirstClaim {
  private long[] keys;
  private int[] owners;
  private boolean[] used;
  private int size;

  FirstClaim(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    owners = new int[capacity];
    used = new boolean[capacity];
  }

  /** Claims {@code key} for {@code owner}; returns the earlier owner, or -1 if it was free. */
  int claim(long key, int owner) {
    if (size * 2 >= keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      if (!used[i]) {
        used[i] = true;
        keys[i] = key;
        owners[i] = owner;
        size++;
        return -1;
      }
      if (keys[i] == key) {
        return owners[i];
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E37_79B9_7F4A_7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldOwners = owners;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    owners = new int[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        claim(oldKeys[i], oldOwners[i]);
      }
    }
  }
}
