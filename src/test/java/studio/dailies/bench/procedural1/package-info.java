/**
 * The procedural renderer as it was at version 1.0, frozen as the generator benchmark's baseline.
 */
@NullMarked
package studio.dailies.bench.procedural1;

import org.jspecify.annotations.NullMarked;
