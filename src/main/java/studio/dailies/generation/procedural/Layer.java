package studio.dailies.generation.procedural;

/** One thing a scene is made of (sky, hills, lanterns…), drawn onto the frame far to near. */
interface Layer {

    void draw(Frame frame);

    /**
     * The screen height (0 top, 1 bottom) below which this layer covers every pixel of every take in
     * this frame; farther layers skip those rows. 1 when it never covers a whole row.
     */
    default float opaqueBelow(Frame frame) {
        return 1f;
    }
}
