package studio.dailies.production;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/** {@code dailies.delivery.root}: where built episode packages for editorial are kept, to be downloaded again. */
@ConfigurationProperties("dailies.delivery")
record DeliveryProperties(@DefaultValue("./data/deliveries") Path root) {
}
