package studio.dailies.production.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import org.jspecify.annotations.Nullable;
import studio.dailies.production.ChartData;

/**
 * A dashboard chart ({@code frontend/components/dailies-chart.ts}, Apache ECharts from npm): the server hands it the
 * prepared data and the browser draws it. Only a changed chart is sent again.
 */
@Tag("dailies-chart")
@JsModule("./components/dailies-chart.ts")
@NpmPackage(value = "echarts", version = "6.1.0")
class Chart extends Component implements HasSize {

    private @Nullable ChartData shown;

    void show(ChartData data) {
        if (!data.equals(shown)) {
            shown = data;
            getElement().setPropertyBean("spec", data);
        }
    }

    @Nullable ChartData shown() {
        return shown;
    }
}
