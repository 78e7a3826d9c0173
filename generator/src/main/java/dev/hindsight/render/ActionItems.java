package dev.hindsight.render;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The action-item tracker: every item of every postmortem with its state, by due date and by postmortem. */
final class ActionItems {

    /** In the order written. */
    static final Comparator<ActionRow> BY_LINE = Comparator.comparingInt(r -> r.item().line());

    /** By due date (undated last), then postmortem and line. */
    static final Comparator<ActionRow> BY_DUE = Comparator
            .comparing((ActionRow r) -> r.item().due(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> r.postmortem().meta().sourcePath())
            .thenComparingInt(r -> r.item().line());

    /** Teams by name (case-insensitively, then exactly), the items nobody owns last. */
    private static final Comparator<String> TEAMS = Comparator
            .comparing((String t) -> t.isEmpty()).thenComparing(t -> t.toLowerCase(Locale.ROOT))
            .thenComparing(Comparator.naturalOrder());

    private final List<ActionRow> rows;
    private final Map<Postmortem, List<ActionRow>> byPostmortem;
    private final Map<ActionState, Lazy<List<ActionRow>>> inState = new EnumMap<>(ActionState.class);
    private final Lazy<List<ActionRow>> open;

    /**
     * @param rows         every row, {@link #BY_DUE}
     * @param byPostmortem each postmortem's rows {@link #BY_LINE} (an identity map), none for a postmortem without
     */
    ActionItems(List<ActionRow> rows, Map<Postmortem, List<ActionRow>> byPostmortem) {
        this.rows = rows;
        this.byPostmortem = byPostmortem;
        for (ActionState s : ActionState.values()) {
            inState.put(s, new Lazy<>(() -> rows.stream().filter(r -> r.state() == s).toList()));
        }
        this.open = new Lazy<>(() -> rows.stream().filter(r -> r.state() != ActionState.DONE).toList());
    }

    /**
     * @param ticketHref the link of a ticket ("" for none)
     * @param today      the reference date, or null (then nothing is overdue)
     */
    static ActionItems of(List<Postmortem> postmortems, Function<String, String> ticketHref, LocalDate today) {
        List<ActionRow> rows = rows(postmortems, ticketHref, today);
        Map<Postmortem, List<ActionRow>> byPm = new IdentityHashMap<>();
        for (ActionRow r : rows) {
            byPm.computeIfAbsent(r.postmortem(), k -> new ArrayList<>()).add(r);
        }
        byPm.values().forEach(l -> l.sort(BY_LINE));
        return new ActionItems(rows, byPm);
    }

    /** The rows of {@code postmortems}' items, {@link #BY_DUE}. */
    static List<ActionRow> rows(List<Postmortem> postmortems, Function<String, String> ticketHref, LocalDate today) {
        List<ActionRow> rows = new ArrayList<>();
        for (Postmortem p : postmortems) {
            for (ActionItem a : p.actionItems()) {
                rows.add(new ActionRow(p, a, state(a, today), a.owner(), ticketHref.apply(a.ticket())));
            }
        }
        rows.sort(BY_DUE);
        return List.copyOf(rows);
    }

    /** Done when closed; overdue when open and due before {@code today}; else open. */
    static ActionState state(ActionItem a, LocalDate today) {
        return !a.isOpen() ? ActionState.DONE
                : today != null && a.due() != null && a.due().isBefore(today) ? ActionState.OVERDUE
                : ActionState.OPEN;
    }

    /** Every row, by due date (undated last), then postmortem and line. */
    List<ActionRow> all() {
        return rows;
    }

    /** Each postmortem's rows, by instance (read by the incremental patch). */
    Map<Postmortem, List<ActionRow>> byPostmortem() {
        return byPostmortem;
    }

    /** The rows of one postmortem, in the order written. */
    List<ActionRow> of(Postmortem p) {
        return byPostmortem.getOrDefault(p, List.of());
    }

    /** The rows in {@code state}, by due date. */
    List<ActionRow> in(ActionState state) {
        return inState.get(state).get();
    }

    /** Open rows, overdue or not, by due date. */
    List<ActionRow> open() {
        return open.get();
    }

    /** The rows in {@code state} grouped by owner team (teams by name, unowned last), each group by due date. */
    List<TeamGroup> groups(ActionState state) {
        TreeMap<String, List<ActionRow>> byTeam = new TreeMap<>(TEAMS);
        for (ActionRow r : in(state)) {
            byTeam.computeIfAbsent(r.team(), k -> new ArrayList<>()).add(r);
        }
        List<TeamGroup> out = new ArrayList<>();
        byTeam.forEach((team, rows) -> out.add(new TeamGroup(team, rows)));
        return out;
    }
}
