package org.influencemonitor.app.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.influencemonitor.app.UserError;
import picocli.CommandLine;

/**
 * Reads {@code sink --config sinks.yaml}: a list of channels, each the options of its subcommand written as
 * YAML fields ({@code secret_file: F} is {@code --secret-file F}). Every entry is parsed by that very
 * subcommand, so a field means exactly what the option means, with the same defaults and checks, and the
 * file and the command line can never drift apart.
 *
 * <pre>
 * channels:
 *   - type: webhook
 *     url: https://hooks.example.org/monitor
 *     secret_file: /run/secrets/webhook
 * </pre>
 */
final class SinksFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Options of the whole process, not of one channel: they are given once on the command line. */
    private static final Set<String> PROCESS_OPTIONS =
            Set.of("bootstrap_servers", "kafka_config", "shutdown_timeout", "help", "version", "config",
                    "metrics_port", "metrics_bind", "log_format");

    private SinksFile() {
    }

    static List<ChannelPlan> read(Path file, Map<String, Supplier<ChannelCommand>> types) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new UserError(file + ": not valid YAML: " + e.getOriginalMessage().replaceAll("\\s+", " ")
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError("no such file: --config " + file);
        } catch (IOException e) {
            throw new UserError("cannot read --config " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UserError(file + ": expected a mapping with a list of channels at the top");
        }
        Iterator<String> fields = root.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!field.equals("channels")) {
                throw new UserError(file + ": unknown field " + field + " (known: channels)");
            }
        }
        JsonNode channels = root.path("channels");
        if (!channels.isArray() || channels.isEmpty()) {
            throw new UserError(file + ": field channels: expected a list of at least one channel");
        }
        List<ChannelPlan> plans = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            ChannelPlan plan = entry(file, i, channels.get(i), types);
            String where = file + ": channels[" + i + "]";
            if (!names.add(plan.settings().channel())) {
                throw new UserError(where + ": a second channel named " + plan.settings().channel()
                        + " (give each a distinct name)");
            }
            if (!groups.add(plan.settings().groupId())) {
                throw new UserError(where + ": a second channel with group_id " + plan.settings().groupId()
                        + " (each channel needs its own consumer group)");
            }
            plans.add(plan);
        }
        return plans;
    }

    private static ChannelPlan entry(Path file, int index, JsonNode entry, Map<String, Supplier<ChannelCommand>> types) {
        String where = file + ": channels[" + index + "]";
        if (!entry.isObject()) {
            throw new UserError(where + ": expected a mapping of channel fields");
        }
        String type = entry.path("type").asText("");
        if (!types.containsKey(type)) {
            throw new UserError(where + ": field type: expected one of " + String.join(", ", types.keySet())
                    + ", got " + (type.isEmpty() ? "nothing" : type));
        }
        ChannelCommand command = types.get(type).get();
        CommandLine parser = new CommandLine(command);
        List<String> args = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            if (key.equals("type")) {
                continue;
            }
            if (PROCESS_OPTIONS.contains(key.replace('-', '_'))) {
                throw new UserError(where + ": field " + key + " is set for the whole sink, on the command line");
            }
            String option = "--" + key.replace('_', '-').toLowerCase(Locale.ROOT);
            if (parser.getCommandSpec().findOption(option) == null) {
                throw new UserError(where + " (" + type + "): unknown field " + key + " (known: " + knownFields(parser) + ")");
            }
            addOption(args, option, f.getValue(), where + ": field " + key);
        }
        try {
            parser.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UserError(where + " (" + type + "): " + asFields(e.getMessage()));
        }
        return command.plan();
    }

    private static void addOption(List<String> args, String option, JsonNode value, String where) {
        if (value.isBoolean()) {
            if (value.asBoolean()) {
                args.add(option);
            }
        } else if (value.isArray()) {
            value.forEach(v -> addOption(args, option, v, where));
        } else if (value.isObject()) {
            value.fields().forEachRemaining(kv -> {
                args.add(option);
                args.add(kv.getKey() + "=" + kv.getValue().asText());
            });
        } else if (value.isNull()) {
            throw new UserError(where + ": has no value");
        } else {
            args.add(option);
            args.add(value.asText());
        }
    }

    private static String knownFields(CommandLine parser) {
        return parser.getCommandSpec().options().stream()
                .map(o -> o.longestName().substring(2).replace('-', '_'))
                .filter(name -> !PROCESS_OPTIONS.contains(name))
                .sorted().collect(java.util.stream.Collectors.joining(", "));
    }

    /** Picocli speaks of {@code '--secret-file=FILE'}; the file has {@code secret_file}. */
    private static String asFields(String message) {
        return message.replaceAll("'--([a-z0-9-]+)(=[^']*)?'", "$1").replaceAll("--([a-z0-9-]+)", "$1")
                .replaceAll("([a-z0-9]+)-(?=[a-z0-9])", "$1_").replace("option", "field");
    }
}
