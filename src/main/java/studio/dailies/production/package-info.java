@NullMarked
package studio.dailies.production;

import org.jspecify.annotations.NullMarked;
