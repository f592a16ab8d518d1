package org.cimnet.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The uniqueness table of addresses and MACs, on its own. */
class FirstClaimTest {
  @Test
  void aFreeKeyIsClaimedAndALaterClaimNamesItsFirstOwner() {
    FirstClaim taken = new FirstClaim(4);
    assertEquals(-1, taken.claim(0xC0A8_0101L, 7));
    assertEquals(7, taken.claim(0xC0A8_0101L, 8));
    // 0 is a key like any other, not an empty slot.
    assertEquals(-1, taken.claim(0L, 9));
    assertEquals(9, taken.claim(0L, 10));
    assertEquals(7, taken.claim(0xC0A8_0101L, 11));
  }

  @Test
  void keepsEveryKeyAsItGrowsFarPastItsExpectedSize() {
    // Sized for one, given 100,000 (a /15 of addresses, or one big network's MACs): the table
    // must grow many times and lose no claim on the way.
    FirstClaim taken = new FirstClaim(1);
    int n = 100_000;
    long base = 0x0A00_0000L; // 10.0.0.0
    for (int i = 0; i < n; i++) {
      assertEquals(-1, taken.claim(base + i, i), "first claim of key " + i);
    }
    for (int i = 0; i < n; i++) {
      assertEquals(i, taken.claim(base + i, n + i), "second claim of key " + i);
    }
    assertEquals(-1, taken.claim(base + n, 2 * n));
    assertEquals(-1, taken.claim(0L, 2 * n + 1));
  }
}
