/**
 * In-betweening: a frame-interpolation model (RIFE- or FILM-like, exported as TorchScript) fills the frames
 * between two key frames.
 */
@NullMarked
package studio.dailies.generation.interpolation;

import org.jspecify.annotations.NullMarked;
