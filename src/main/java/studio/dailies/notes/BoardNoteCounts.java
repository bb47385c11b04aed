package studio.dailies.notes;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import studio.dailies.production.OpenNoteCounts;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The board's open notes: the live, unresolved threads of each shot, in one grouped query. A thread counts once
 * however many replies it has, as the notes panel's "Open" filter shows it (a deleted first note with live replies
 * is left out here: it has nothing left to act on).
 */
@Component
class BoardNoteCounts implements OpenNoteCounts {

    private final FrameNoteRepository notes;

    BoardNoteCounts(FrameNoteRepository notes) {
        this.notes = notes;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Long> openNotes(Collection<Long> shotIds) {
        if (shotIds.isEmpty()) {
            return Map.of();
        }
        var counts = new HashMap<Long, Long>();
        for (Object[] row : notes.openThreadCounts(shotIds)) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }
}
