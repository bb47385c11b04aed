@NullMarked
package studio.dailies.generation.procedural;

import org.jspecify.annotations.NullMarked;
