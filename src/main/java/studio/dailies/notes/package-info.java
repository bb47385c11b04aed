@NullMarked
package studio.dailies.notes;

import org.jspecify.annotations.NullMarked;
