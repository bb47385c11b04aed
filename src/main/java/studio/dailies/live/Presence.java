package studio.dailies.live;

import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is looking at which shot right now, in this node: each open view enters when it attaches and
 * leaves when it detaches. A person with two tabs open counts once.
 */
@Service
public class Presence {

    public record Viewer(long userId, String name) {
    }

    private final LiveUpdates live;
    private final Map<Long, Map<Object, Viewer>> viewersByShot = new ConcurrentHashMap<>();

    Presence(LiveUpdates live) {
        this.live = live;
    }

    /** Marks the viewer as present on the shot until the returned handle is closed. */
    public LiveUpdates.Subscription enter(long shotId, long userId, String name) {
        var visit = new Object();
        viewersByShot.computeIfAbsent(shotId, id -> new ConcurrentHashMap<>()).put(visit, new Viewer(userId, name));
        live.publish(new ShotChange(shotId, ShotChange.Kind.PRESENCE));
        return () -> {
            viewersByShot.computeIfPresent(shotId, (id, visits) -> {
                visits.remove(visit);
                return visits.isEmpty() ? null : visits;
            });
            live.publish(new ShotChange(shotId, ShotChange.Kind.PRESENCE));
        };
    }

    /** The distinct people viewing the shot, by name. */
    public List<Viewer> viewersOf(long shotId) {
        return viewersByShot.getOrDefault(shotId, Map.of()).values().stream()
                .distinct()
                .sorted(Comparator.comparing(Viewer::name).thenComparing(Viewer::userId))
                .toList();
    }
}
