@NullMarked
package studio.dailies.review;

import org.jspecify.annotations.NullMarked;
