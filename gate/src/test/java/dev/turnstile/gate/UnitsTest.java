package dev.turnstile.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Units in limits, and numbers in messages. */
class UnitsTest {

    @Test
    void durationsAreHeldInNanoseconds() throws Exception {
        assertEquals(50e6, Quantity.parse("50ms", "x").value());
        assertEquals(1.5e9, Quantity.parse("1.5s", "x").value());
        assertEquals(250e3, Quantity.parse("250us", "x").value());
        assertEquals(250e3, Quantity.parse("250 µs", "x").value());
        assertEquals(800, Quantity.parse("800ns", "x").value());
        assertEquals(120e9, Quantity.parse("2m", "x").value());
        assertEquals(Quantity.Unit.DURATION, Quantity.parse("2S", "x").unit());
    }

    @Test
    void percentagesAreFractionsAndNumbersArePlain() throws Exception {
        assertEquals(0.05, Quantity.parse("5%", "x").value(), 1e-12);
        assertEquals(Quantity.Unit.PERCENT, Quantity.parse("12.5 %", "x").unit());
        assertEquals(Quantity.Unit.PLAIN, Quantity.parse(3, "x").unit());
        assertEquals(0.5, Quantity.parse(".5", "x").value());
    }

    @Test
    void messagesShowUnitsPeopleRead() {
        assertEquals("50 ms", Units.duration(50e6));
        assertEquals("1.23 s", Units.duration(1_234_000_000));
        assertEquals("800 ns", Units.duration(800));
        assertEquals("5 %", Units.percent(0.05));
        assertEquals("97.3 %", Units.percent(0.97312));
        assertEquals("2.5", Units.number(2.5));
    }
}
