import { useEffect } from 'preact/hooks';
import { showNotice } from '../../state/shared/notices';
import { currentParams } from '../../state/shared/router';
import { type ClassroomTab, ClassroomTabs } from '../classroom/classroom-tabs';
import { GradebookView } from '../classroom/gradebook-view';
import { OpenView } from '../classroom/open-view';
import { StudentHome } from '../classroom/student-home';
import { TeacherView } from '../classroom/teacher-view';
import { WorkView } from '../classroom/work-view';
import { CourseView } from '../course/CourseView';
import '../classroom/classroom.css';

/** Classroom: profiles, assignments received by link or file, the teacher's builder and gradebook. */
export default function ClassroomPage() {
  const [sub, arg] = currentParams.value;
  useEffect(() => {
    // Assignments run as drills: register the drill runner (its own chunk) whenever the classroom is open.
    import('../../state/drill/drill')
      .then((m) => m.installDrillRunner())
      .catch(() =>
        showNotice({
          id: 'drill-runner',
          tone: 'error',
          sticky: true,
          text: 'The drill player could not load, so assignments cannot start. Reload the page to try again.',
        }),
      );
  }, []);
  const tab: ClassroomTab =
    sub === 'teach' ? 'teach' : sub === 'gradebook' ? 'gradebook' : sub === 'course' ? 'course' : 'student';
  let view = <StudentHome />;
  if (sub === 'teach') view = <TeacherView />;
  else if (sub === 'gradebook') view = <GradebookView />;
  else if (sub === 'open') view = <OpenView />;
  else if (sub === 'course') view = <CourseView page={arg ? decodeURIComponent(arg) : undefined} />;
  else if (sub === 'work' && arg) view = <WorkView assignmentId={decodeURIComponent(arg)} />;
  return (
    <section class="stack cr-page">
      <header class="page-head">
        <h1>Classroom</h1>
        <p class="lede">
          Teachers assign drills by link or file; students work offline and hand in a report. No accounts, no
          server.
        </p>
      </header>
      <ClassroomTabs current={tab} />
      {view}
    </section>
  );
}
