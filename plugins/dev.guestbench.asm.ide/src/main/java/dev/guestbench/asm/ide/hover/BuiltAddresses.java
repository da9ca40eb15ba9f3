package dev.guestbench.asm.ide.hover;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.inject.Singleton;

/** The addresses the last build gave each file's labels, for hovers ("once built"); empty until a build. */
@Singleton
public class BuiltAddresses {

    private final Map<String, Map<String, Long>> byFile = new ConcurrentHashMap<>();

    /** Records a build's label addresses of one file (by the file's URI). */
    public void update(String fileUri, Map<String, Long> addresses) {
        byFile.put(fileUri, Map.copyOf(addresses));
    }

    /** The address of {@code name} from the last build, looked up in its file first, or null. */
    public Long address(String fileUri, String name) {
        Map<String, Long> own = byFile.get(fileUri);
        if (own != null && own.containsKey(name)) {
            return own.get(name);
        }
        for (Map<String, Long> other : byFile.values()) {
            if (other.containsKey(name)) {
                return other.get(name);
            }
        }
        return null;
    }
}
