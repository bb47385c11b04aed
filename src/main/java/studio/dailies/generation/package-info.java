@NullMarked
package studio.dailies.generation;

import org.jspecify.annotations.NullMarked;
