import { Injectable } from '@nestjs/common';

/** Where the API reads the time of receipt; tests inject a clock set to another day. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
