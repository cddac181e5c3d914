/** The Classroom's own navigation: student side, teacher's assignments, gradebook. */
const TABS = [
  { id: 'student', label: 'My assignments', path: '/classroom/mine' },
  { id: 'teach', label: 'Teach', path: '/classroom/teach' },
  { id: 'gradebook', label: 'Gradebook', path: '/classroom/gradebook' },
  { id: 'course', label: 'Course', path: '/classroom/course' },
] as const;

/** Which tab a sub-path belongs to. */
export type ClassroomTab = (typeof TABS)[number]['id'];

/** Tab links (plain links: the router handles them, the back button works). */
export function ClassroomTabs({ current }: { current: ClassroomTab }) {
  return (
    <nav class="cr-tabs" aria-label="Classroom">
      {TABS.map((t) => (
        <a key={t.id} href={t.path} class="cr-tab" aria-current={t.id === current ? 'page' : undefined}>
          {t.label}
        </a>
      ))}
    </nav>
  );
}
