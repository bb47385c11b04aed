@NullMarked
package studio.dailies.inbox;

import org.jspecify.annotations.NullMarked;
