@NullMarked
package studio.dailies.security;

import org.jspecify.annotations.NullMarked;
