package studio.dailies.generation;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks where inference runs: the first GPU when DJL sees one, else the CPU. Decided once, and logged. */
public final class ComputeDevice {

    private static final Logger log = LoggerFactory.getLogger(ComputeDevice.class);
    private static volatile Device chosen;

    private ComputeDevice() {
    }

    /** The device's name for logs and lease owners: {@code cpu}, or {@code gpu0} for the first GPU. */
    public static String label() {
        var device = get();
        return device.isGpu() ? "gpu" + device.getDeviceId() : "cpu";
    }

    public static Device get() {
        var device = chosen;
        if (device == null) {
            synchronized (ComputeDevice.class) {
                if (chosen == null) {
                    // Before DJL is first touched, so it never tries the network (telemetry, downloads).
                    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
                    var engine = Engine.getEngine("PyTorch");
                    chosen = engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
                    if (chosen.isGpu()) {
                        log.info("Generation runs on GPU {} (PyTorch {}, {} GPU(s) visible)", chosen.getDeviceId(),
                                engine.getVersion(), engine.getGpuCount());
                    } else {
                        log.info("Generation runs on the CPU (PyTorch {}): no usable GPU or CUDA driver on this machine",
                                engine.getVersion());
                    }
                }
                device = chosen;
            }
        }
        return device;
    }
}
