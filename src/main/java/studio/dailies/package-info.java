@NullMarked
package studio.dailies;

import org.jspecify.annotations.NullMarked;
