package studio.dailies.base;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PagesTest {

    private final List<Integer> rows = IntStream.range(0, 2_500).boxed().toList();
    private final List<Pageable> reads = new ArrayList<>();

    private Slice<Integer> read(Pageable pageable) {
        reads.add(pageable);
        int from = (int) Math.min(pageable.getOffset(), rows.size());
        int to = Math.min(from + pageable.getPageSize(), rows.size());
        return new SliceImpl<>(rows.subList(from, to), pageable, to < rows.size());
    }

    @Test
    void aWindowAcrossAPageBoundaryReadsTwoPagesAndReturnsOnlyWhatWasAsked() {
        assertThat(Pages.window(10, 25, this::read).toList()).isEqualTo(rows.subList(10, 35));
        assertThat(reads).extracting(Pageable::getPageNumber).containsExactly(0, 1);
        assertThat(reads).extracting(Pageable::getPageSize).containsOnly(25);
    }

    @Test
    void askingForEverythingReadsBoundedPagesUntilTheLastOne() {
        assertThat(Pages.window(0, Integer.MAX_VALUE, this::read).toList()).isEqualTo(rows);
        assertThat(reads).extracting(Pageable::getPageSize).containsOnly(Pages.MAX_PAGE);
        assertThat(reads).hasSize(3);
    }

    @Test
    void aWindowPastTheEndIsEmptyAfterOneRead() {
        assertThat(Pages.window(5_000, 50, this::read).toList()).isEmpty();
        assertThat(reads).hasSize(1);
    }
}
