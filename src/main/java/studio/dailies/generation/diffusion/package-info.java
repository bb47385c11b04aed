/**
 * Real diffusion pipelines from a studio's exported model folder (docs/studio-models.md): the tokenizer, the
 * schedulers, classifier-free guidance and the seeded latent noise in Java; the text encoder, UNet (or motion
 * UNet) and VAE as TorchScript parts run through DJL, each behind its own Translator.
 */
@NullMarked
package studio.dailies.generation.diffusion;

import org.jspecify.annotations.NullMarked;
