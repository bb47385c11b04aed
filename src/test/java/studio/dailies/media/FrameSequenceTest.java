package studio.dailies.media;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FrameSequenceTest {

    @Test
    void aFrameOfTheWrongSizeIsNamedWithTheSizeItNeeds() {
        var frames = Clips.blankFrames(3, 4 * 2 * 3);
        frames.set(1, new byte[4 * 2 * 4]);

        assertThatIllegalArgumentException().isThrownBy(() -> new FrameSequence(1, 4, 2, frames))
                .withMessage("Frame 1 must hold 24 bytes (4x2 RGB), not 32");
    }

    @Test
    void aMissingFrameIsRefusedLikeAWrongOne() {
        var frames = new ArrayList<byte[]>(Clips.blankFrames(2, 24));
        frames.add(null);

        assertThatIllegalArgumentException().isThrownBy(() -> new FrameSequence(1, 4, 2, frames))
                .withMessage("Frame 2 must hold 24 bytes (4x2 RGB), not null");
    }

    @Test
    void aClipNeedsFramesAndAPositiveSize() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FrameSequence(1, 4, 2, List.of()))
                .withMessage("A clip must have 1 to 10000 frames, not 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new FrameSequence(1, 0, 2, Clips.blankFrames(1, 0)))
                .withMessageStartingWith("A frame must be 1 to 8192 pixels on each side");
        assertThatIllegalArgumentException().isThrownBy(() -> new FrameSequence(1, 4, -2, Clips.blankFrames(1, 0)))
                .withMessageStartingWith("A frame must be 1 to 8192 pixels on each side");
    }

    @Test
    void theShowIdMustFitInAKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FrameSequence(-1, 4, 2, Clips.blankFrames(1, 24)))
                .withMessageStartingWith("The show id must be between 0 and 999999999999");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FrameSequence(1_000_000_000_000L, 4, 2, Clips.blankFrames(1, 24)));
    }

    @Test
    void laterChangesToTheCallersListDoNotChangeTheClip() {
        var frames = Clips.blankFrames(2, 24);
        var sequence = new FrameSequence(1, 4, 2, frames);

        frames.add(new byte[24]);

        assertThat(sequence.rgbFrames()).hasSize(2);
    }
}
