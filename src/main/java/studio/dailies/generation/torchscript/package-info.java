/** Studio models: TorchScript modules loaded from local directories and run through DJL. */
@NullMarked
package studio.dailies.generation.torchscript;

import org.jspecify.annotations.NullMarked;
