@NullMarked
package studio.dailies.base;

import org.jspecify.annotations.NullMarked;
