package org.sweetie.persona;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How the bot types like a child: a pause that grows with the line (about 0.3 s plus 0.15 s a character, a third
 * either way, at most 8 s) and now and then two letters swapped. The typo is made before the guard sees the line,
 * so what goes out is exactly what was checked.
 *
 * @param humanLike false in tests and benchmarks: no pause, no typo
 */
public record Typing(boolean humanLike, double typoRate) {
    public static final Typing HUMAN = new Typing(true, 0.05);
    public static final Typing INSTANT = new Typing(false, 0);

    Duration pause(String line, RandomGenerator random) {
        if (!humanLike) {
            return Duration.ZERO;
        }
        double base = 300 + 150.0 * line.length();
        return Duration.ofMillis((long) Math.min(8_000, base * (0.67 + random.nextDouble() * 0.66)));
    }

    String withTypo(String line, RandomGenerator random) {
        if (!humanLike || random.nextDouble() >= typoRate) {
            return line;
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            int i = random.nextInt(Math.max(1, line.length() - 1));
            if (i + 1 < line.length() && Character.isLetter(line.charAt(i)) && Character.isLetter(line.charAt(i + 1))
                    && line.charAt(i) != line.charAt(i + 1)) {
                return line.substring(0, i) + line.charAt(i + 1) + line.charAt(i) + line.substring(i + 2);
            }
        }
        return line;
    }
}
