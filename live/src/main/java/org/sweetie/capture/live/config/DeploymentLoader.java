package org.sweetie.capture.live.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sweetie.capture.live.irc.IrcNetwork;
import org.sweetie.capture.live.sandbox.SandboxNetwork;
import org.sweetie.capture.live.xmpp.XmppNetwork;
import org.sweetie.core.Persona;
import org.sweetie.core.Retention;

/**
 * Reads and validates a deployment file (YAML; see docs/live-capture.md). Every problem is reported with the file
 * and the key it is about ("personas[0].irc[1].port: must be between 1 and 65535, got 70000"), before anything
 * connects. Secrets may be written as ${ENVIRONMENT_VARIABLE}.
 */
public final class DeploymentLoader {
    private static final String DEFAULT_CLIENT = "HexChat 2.16.1 / Linux";

    /** How often a run applies the retention rule unless the file says otherwise. */
    static final Duration DEFAULT_RETENTION_EVERY = Duration.ofHours(1);

    /** The largest deployment file read: a real one is a few KiB. */
    public static final int MAX_BYTES = 256 * 1024;

    private final Map<String, String> environment;

    public DeploymentLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Deployment load(Path file) {
        JsonNode root;
        try {
            // refused before parsing: a parser handed megabytes of YAML works for minutes before it says anything
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigException(file + ": is " + size + " bytes; a deployment file may have at most "
                        + MAX_BYTES + " (" + MAX_BYTES / 1024 + " KiB)");
            }
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException(file + (at == null ? "" : " line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigException(file + ": is empty");
        }
        Secrets secrets = new Secrets();
        try {
            return deployment(new ConfigNode(root, "", environment, secrets));
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + secrets.hide(e.getMessage()));
        } catch (IllegalArgumentException e) {
            // a setting the file gave that a network's client refused (a JID, a host): said, its secrets hidden
            throw new ConfigException(file + ": " + secrets.hide(String.valueOf(e.getMessage())));
        }
    }

    private Deployment deployment(ConfigNode root) {
        root.allowing("store", "personas", "retention", "pipeline");
        List<PersonaDeployment> personas = root.list("personas", this::persona);
        if (personas.isEmpty()) {
            throw root.problem("personas", "at least one persona is needed");
        }
        Set<String> handles = new HashSet<>();
        Set<String> networks = new HashSet<>();
        for (int i = 0; i < personas.size(); i++) {
            PersonaDeployment p = personas.get(i);
            if (!handles.add(p.persona().handle())) {
                throw root.problem("personas[" + i + "].handle", "'" + p.persona().handle() + "' is used twice");
            }
            if (p.irc().isEmpty() && p.xmpp().isEmpty() && p.sandbox().isEmpty()) {
                throw root.problem("personas[" + i + "]", "is deployed nowhere: give irc, xmpp or sandbox");
            }
            for (String network : networkNames(p)) {
                if (!networks.add(network + "/" + p.persona().handle())) {
                    throw root.problem("personas[" + i + "]", "network '" + network + "' is given twice");
                }
            }
        }
        return new Deployment(root.optionalText("store", null), personas, retention(root), retentionEvery(root),
                pipeline(root));
    }

    /** The Kafka pipeline, or null when the file has none (everything runs in one process). */
    private static Deployment.KafkaPipeline pipeline(ConfigNode root) {
        if (!root.has("pipeline")) {
            return null;
        }
        ConfigNode pipeline = root.child("pipeline").allowing("kafka");
        if (!pipeline.has("kafka")) {
            throw pipeline.problem("kafka", "is needed: kafka: {bootstrap: HOST:PORT, topic_prefix: ...}");
        }
        ConfigNode kafka = pipeline.child("kafka").allowing("bootstrap", "topic_prefix");
        String bootstrap = kafka.text("bootstrap");
        String prefix = kafka.optionalText("topic_prefix", "sweetie.");
        if (!prefix.matches("[A-Za-z0-9._-]*")) {
            throw kafka.problem("topic_prefix", "may hold letters, digits, '.', '_' and '-' only, got '" + prefix
                    + "'");
        }
        return new Deployment.KafkaPipeline(bootstrap.strip(), prefix);
    }

    /** The retention rule: the default when the key is absent, null for {@code retention: off}. */
    private static Retention retention(ConfigNode root) {
        if (!root.has("retention")) {
            return Retention.DEFAULT;
        }
        if (root.isOff("retention")) {
            return null;
        }
        if (root.isText("retention")) {
            throw root.problem("retention", "expected off, or a mapping with after, keep and every");
        }
        ConfigNode node = root.child("retention").allowing("after", "keep", "every");
        Duration after = node.duration("after", Retention.DEFAULT.after());
        String keep = node.optionalText("keep", "qualified");
        return new Retention(after, switch (keep) {
            case "qualified" -> Retention.Keep.QUALIFIED;
            case "stage" -> Retention.Keep.STAGED;
            default -> throw node.problem("keep", "expected qualified or stage, got '" + keep + "'");
        });
    }

    private static Duration retentionEvery(ConfigNode root) {
        ConfigNode node = root.has("retention") && !root.isText("retention") ? root.child("retention") : null;
        Duration every = node == null ? DEFAULT_RETENTION_EVERY : node.duration("every", DEFAULT_RETENTION_EVERY);
        if (every.compareTo(Duration.ofSeconds(1)) < 0) {
            throw node.problem("every", "must be at least 1s");
        }
        return every;
    }

    private static List<String> networkNames(PersonaDeployment p) {
        return java.util.stream.Stream.of(p.irc().stream().map(IrcNetwork.Settings::name),
                p.xmpp().stream().map(XmppNetwork.Settings::name),
                p.sandbox().stream().map(SandboxNetwork.Settings::name)).flatMap(s -> s).toList();
    }

    private PersonaDeployment persona(ConfigNode node) {
        node.allowing("handle", "nicknames", "real_name", "age", "country", "languages", "profile", "hours",
                "timezone", "client_version", "city", "grade", "responder", "irc", "xmpp", "sandbox");
        List<String> nicknames = node.texts("nicknames");
        if (nicknames.isEmpty()) {
            throw node.problem("nicknames", "at least one nickname is needed");
        }
        String country = node.optionalText("country", null);
        if (country != null && !Set.of(Locale.getISOCountries()).contains(country)) {
            throw node.problem("country", "'" + country + "' is not an ISO 3166-1 alpha-2 code (e.g. PH)");
        }
        Persona persona;
        try {
            persona = new Persona(node.optionalText("handle", nicknames.getFirst()), nicknames,
                    node.has("age") ? node.integer("age", 1, 17, 10) : null, country, node.texts("languages"),
                    node.optionalText("profile", ""));
        } catch (IllegalArgumentException e) {
            throw node.problem("handle", e.getMessage());
        }
        String realName = node.optionalText("real_name", nicknames.getFirst());
        String client = node.optionalText("client_version", DEFAULT_CLIENT);
        OperatingHours hours = hours(node);
        PersonaDeployment.Cover cover = new PersonaDeployment.Cover(realName, node.optionalText("city", "Cebu"),
                node.integer("grade", 1, 12, 5));
        return new PersonaDeployment(persona, cover, hours, responding(node.child("responder")),
                node.list("irc", n -> irc(n, persona, realName, client)),
                node.list("xmpp", n -> xmpp(n, client)),
                node.list("sandbox", this::sandbox));
    }

    private static PersonaDeployment.Responding responding(ConfigNode node) {
        if (node == null) {
            return PersonaDeployment.Responding.OFF;
        }
        node.allowing("mode", "return_after", "typing");
        String mode = node.optionalText("mode", "warn");
        if (!Set.of("off", "warn", "handover", "identify").contains(mode)) {
            throw node.problem("mode", "expected off, warn, handover or identify, got '" + mode + "'");
        }
        String typing = node.optionalText("typing", "human");
        if (!Set.of("human", "instant").contains(typing)) {
            throw node.problem("typing", "expected human or instant, got '" + typing + "'");
        }
        return new PersonaDeployment.Responding(mode, node.duration("return_after", Duration.ofMinutes(30)),
                typing.equals("human"));
    }

    private OperatingHours hours(ConfigNode node) {
        ZoneId zone;
        try {
            zone = ZoneId.of(node.optionalText("timezone", "UTC"));
        } catch (DateTimeException e) {
            throw node.problem("timezone", "unknown time zone (use a name like Asia/Manila)");
        }
        String hours = node.optionalText("hours", null);
        if (hours == null) {
            return new OperatingHours(LocalTime.MIN, LocalTime.MAX, zone);
        }
        String[] range = hours.split("-");
        try {
            if (range.length != 2) {
                throw new DateTimeParseException("no range", hours, 0);
            }
            return new OperatingHours(LocalTime.parse(range[0].strip()), LocalTime.parse(range[1].strip()), zone);
        } catch (DateTimeParseException e) {
            throw node.problem("hours", "expected a range like 15:00-21:00, got '" + hours + "'");
        }
    }

    private IrcNetwork.Settings irc(ConfigNode node, Persona persona, String realName, String client) {
        node.allowing("network", "host", "port", "tls", "password", "sasl", "channels", "user");
        boolean tls = node.bool("tls", true);
        String saslUser = null;
        String saslPassword = null;
        ConfigNode sasl = node.child("sasl");
        if (sasl != null) {
            sasl.allowing("user", "password");
            saslUser = sasl.text("user");
            saslPassword = sasl.text("password");
        }
        for (String channel : node.texts("channels")) {
            if (!channel.matches("[#&+!][^\\s,\\x07]{1,49}")) {
                throw node.problem("channels", "'" + channel + "' is not an IRC channel name (like #chat)");
            }
        }
        return new IrcNetwork.Settings(node.text("network"), node.text("host"),
                node.integer("port", 1, 65535, tls ? 6697 : 6667), tls, node.optionalText("password", null),
                saslUser, saslPassword, node.texts("channels"),
                node.optionalText("user", persona.nicknames().getFirst().toLowerCase(Locale.ROOT)), realName, client);
    }

    private XmppNetwork.Settings xmpp(ConfigNode node, String client) {
        node.allowing("network", "jid", "password", "host", "port", "tls", "rooms");
        String jid = node.text("jid");
        if (!jid.matches("[^@/\\s]+@[^@/\\s]+")) {
            throw node.problem("jid", "expected a bare JID like name@example.org, got '" + jid + "'");
        }
        for (String room : node.texts("rooms")) {
            if (!room.matches("[^@/\\s]+@[^@/\\s]+")) {
                throw node.problem("rooms", "'" + room + "' is not a room JID (like lobby@conference.example.org)");
            }
        }
        return new XmppNetwork.Settings(node.text("network"), jid, node.text("password"),
                node.optionalText("host", null), node.integer("port", 1, 65535, 5222), node.bool("tls", true),
                node.texts("rooms"), client);
    }

    private SandboxNetwork.Settings sandbox(ConfigNode node) {
        node.allowing("network", "partners", "concurrent", "pace", "seed");
        Duration pace = node.duration("pace", Duration.ofSeconds(2));
        return new SandboxNetwork.Settings(node.optionalText("network", "sandbox"),
                node.integer("partners", 0, 1_000_000, 0), node.integer("concurrent", 1, 100_000, 20), pace,
                node.integer("seed", 0, Integer.MAX_VALUE, 1));
    }
}
