@NullMarked
package studio.dailies.activity;

import org.jspecify.annotations.NullMarked;
