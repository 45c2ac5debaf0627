package org.influencemonitor.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Timestamps in the contract are ISO-8601 strings. Jackson would also read a bare number, as seconds
 * since the epoch, so a producer that sends milliseconds gets a year in the 50,000s instead of an error:
 * anything but a string is a type error here, which the reader turns into a dead letter with its reason.
 */
final class StrictInstantDeserializer extends StdScalarDeserializer<Instant> {
    StrictInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser.currentToken(), parser,
                    "a timestamp must be an ISO-8601 string such as \"2024-10-18T14:00:00Z\", not %s",
                    parser.currentToken());
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
}
