import { IdField, TextField } from '../../common/http/dto/fields.js';

/** 撤销: the applicant withdraws the case before it is decided. */
export class WithdrawCaseDto {
  @TextField({ min: 2, max: 2000, example: '业务需求已变更，不再需要该数据' })
  reason!: string;
}

/** 终止: the data authority closes a case opened in error. */
export class TerminateCaseDto {
  @TextField({ min: 2, max: 2000, example: '与案件 share-… 重复立案' })
  reason!: string;

  @TextField({
    min: 2,
    max: 500,
    example: '重复申请',
    description: 'What the termination rests on: a duplicate case, a wrong jurisdiction, the article',
  })
  basis!: string;
}

/** 沟通: a comment on a case; it never moves a deadline. */
export class CommentDto {
  @TextField({ max: 2000, example: '请问是否需要补充使用场景说明？' })
  text!: string;
}

/** 催办: urge an open step task of the case. */
export class UrgeDto {
  @IdField({ example: 'share-0b6f.provider-review', description: 'An open step task of the case (from `waitingFor`)' })
  taskId!: string;

  @TextField({ optional: true, max: 500, example: '业务办理时限紧迫，请尽快审核' })
  note?: string;
}
