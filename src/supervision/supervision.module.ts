import { Module } from '@nestjs/common';
import { BreachesController } from './breaches.controller.js';

@Module({ controllers: [BreachesController] })
export class SupervisionModule {}
