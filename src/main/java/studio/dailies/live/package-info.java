@NullMarked
package studio.dailies.live;

import org.jspecify.annotations.NullMarked;
