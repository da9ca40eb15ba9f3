package dev.guestbench.vmm.boot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A device tree as dtc decompiles it: node paths mapped to their properties' value texts. {@link #normalized()}
 * replaces phandle numbers, which differ between trees built by different code, with the paths they name.
 */
final class DeviceTreeSource {

    /** Properties whose cells are all phandles. */
    private static final List<String> PHANDLE_PROPERTIES = List.of("interrupt-parent", "regmap", "cpu");

    private final Map<String, Map<String, String>> nodes;

    private DeviceTreeSource(Map<String, Map<String, String>> nodes) {
        this.nodes = nodes;
    }

    /** Parses dtc's dts output (one property per line, as dtc writes it). */
    static DeviceTreeSource parse(String dts) {
        Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        Deque<String> path = new ArrayDeque<>();
        for (String raw : dts.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.equals("/dts-v1/;") || line.startsWith("/memreserve/")) {
                continue;
            }
            if (line.endsWith("{")) {
                String name = line.substring(0, line.length() - 1).strip();
                String full = name.equals("/") ? "/" : (path.peek().equals("/") ? "/" : path.peek() + "/") + name;
                path.push(full);
                nodes.put(full, new LinkedHashMap<>());
            } else if (line.equals("};")) {
                path.pop();
            } else if (line.endsWith(";")) {
                String body = line.substring(0, line.length() - 1);
                int eq = body.indexOf(" = ");
                if (eq < 0) {
                    nodes.get(path.peek()).put(body, "");
                } else {
                    nodes.get(path.peek()).put(body.substring(0, eq), body.substring(eq + 3));
                }
            } else {
                throw new IllegalArgumentException("unexpected dts line: " + raw);
            }
        }
        return new DeviceTreeSource(nodes);
    }

    /** Node paths to property name to value text ("" for a property without a value). */
    Map<String, Map<String, String>> nodes() {
        return nodes;
    }

    /** A copy in which phandle cells read "&/path" and phandle properties read "<phandle>". */
    DeviceTreeSource normalized() {
        Map<String, String> targets = new LinkedHashMap<>();
        nodes.forEach((path, props) -> {
            String ph = props.get("phandle");
            if (ph != null) {
                targets.put(cells(ph).get(0), path);
            }
        });
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        nodes.forEach((path, props) -> {
            Map<String, String> copy = new LinkedHashMap<>();
            props.forEach((name, value) -> {
                if (name.equals("phandle")) {
                    copy.put(name, "<phandle>");
                } else if (PHANDLE_PROPERTIES.contains(name)) {
                    List<String> refs = new ArrayList<>();
                    for (String c : cells(value)) {
                        refs.add(resolve(targets, c));
                    }
                    copy.put(name, "<" + String.join(" ", refs) + ">");
                } else if (name.equals("interrupts-extended")) {
                    copy.put(name, interruptsExtended(targets, value));
                } else {
                    copy.put(name, value);
                }
            });
            out.put(path, copy);
        });
        return new DeviceTreeSource(out);
    }

    private String interruptsExtended(Map<String, String> targets, String value) {
        List<String> cells = cells(value);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < cells.size()) {
            String provider = targets.get(cells.get(i));
            if (provider == null) {
                throw new IllegalArgumentException("interrupts-extended names no node: " + value);
            }
            out.add("&" + provider);
            int n = Integer.decode(cells(nodes.get(provider).get("#interrupt-cells")).get(0));
            for (int k = 1; k <= n; k++) {
                out.add(cells.get(i + k));
            }
            i += n + 1;
        }
        return "<" + String.join(" ", out) + ">";
    }

    private static String resolve(Map<String, String> targets, String cell) {
        String path = targets.get(cell);
        if (path == null) {
            throw new IllegalArgumentException("phandle " + cell + " names no node");
        }
        return "&" + path;
    }

    /** The cells of a "<0x01 0x02>" value. */
    static List<String> cells(String value) {
        String v = value.strip();
        if (!v.startsWith("<") || !v.endsWith(">")) {
            throw new IllegalArgumentException("not a cell list: " + value);
        }
        String inner = v.substring(1, v.length() - 1).strip();
        return inner.isEmpty() ? List.of() : List.of(inner.split("\\s+"));
    }
}
