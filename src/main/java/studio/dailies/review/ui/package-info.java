@NullMarked
package studio.dailies.review.ui;

import org.jspecify.annotations.NullMarked;
