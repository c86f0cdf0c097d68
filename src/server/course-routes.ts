import type { FastifyInstance } from 'fastify';
import { course, CourseKinds, courseVocabulary } from '../course/index.js';
import { TmfError } from '../tmf/errors.js';

/** Spine's teaching content for the explorer: the whole course, or one kind of it. */
export function mountCourseRoutes(app: FastifyInstance): void {
  app.get('/spine/v1/course', async () => ({ ...courseVocabulary, ...course }));

  app.get<{ Params: { kind: string } }>('/spine/v1/course/:kind', async (request) => {
    const { kind } = request.params;
    if (!Object.hasOwn(CourseKinds, kind)) {
      throw new TmfError('NOT_FOUND', `course has no ${kind}; kinds are ${Object.keys(CourseKinds).join(', ')}`);
    }
    return course[kind as keyof typeof CourseKinds];
  });
}
