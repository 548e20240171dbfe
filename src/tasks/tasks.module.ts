import { Module } from '@nestjs/common';
import { DecisionRecorder } from './decision-recorder.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

@Module({ controllers: [TasksController], providers: [TasksService, DecisionRecorder], exports: [TasksService] })
export class TasksModule {}
