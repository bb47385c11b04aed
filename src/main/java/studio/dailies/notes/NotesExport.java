package studio.dailies.notes;

import org.jspecify.annotations.Nullable;
import studio.dailies.generation.VariantSummary;
import studio.dailies.production.ShotDetails;

import java.time.Instant;
import java.util.List;

/**
 * What an export holds, read in one transaction before anything is written: the show and episode it covers, who
 * exported it and when, and each noted frame (a take's frame where threads start) with its threads, in the order
 * of the episode's shots, then takes, then frames.
 */
record NotesExport(String showName, String scope, String exportedBy, Instant exportedAt, List<NotedFrame> frames) {

    /** The threads that start on one frame of a take, with the drawings of their first notes. */
    record NotedFrame(ShotDetails shot, VariantSummary take, int frame, List<Thread> threads) {
    }

    /** A thread as exported: every note in it, the first one with its drawing (null when it has none). */
    record Thread(Note root, List<Note> replies, @Nullable Drawing drawing) {
    }

    /** One note as exported; frames are counted from 0. */
    record Note(long id, long threadId, int frameStart, int frameEnd, String author, Instant createdAt, String text,
                boolean deleted, boolean resolved, @Nullable String resolvedBy, @Nullable Long answeredBy) {

        String frames() {
            return frameStart == frameEnd ? String.valueOf(frameStart + 1) : (frameStart + 1) + "-" + (frameEnd + 1);
        }

        String status(boolean reply) {
            if (deleted) {
                return "deleted";
            }
            if (reply) {
                return "reply";
            }
            if (!resolved) {
                return "open";
            }
            return "resolved" + (resolvedBy == null ? "" : " by " + resolvedBy)
                    + (answeredBy == null ? "" : ", answered by take #" + answeredBy);
        }
    }
}
