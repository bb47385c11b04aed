package studio.dailies.notes;

import studio.dailies.production.ShotDetails;

/** A shot with frame notes: how many of its threads are open and how many resolved. */
public record ShotThreads(ShotDetails shot, long open, long resolved) {
}
