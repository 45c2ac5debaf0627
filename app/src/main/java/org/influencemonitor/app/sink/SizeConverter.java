package org.influencemonitor.app.sink;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 500KB}, {@code 100MB}, {@code 1GB} (powers of 1024), or a number of bytes. */
final class SizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMG]?)I?B?");

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a size (try 500KB, 100MB or 1GB)");
        }
        int shift = switch (m.group(2)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 0;
        };
        long size = Long.parseLong(m.group(1)) << shift;
        if (size <= 0) {
            throw new TypeConversionException("'" + value + "' must be more than 0 bytes");
        }
        return size;
    }
}
