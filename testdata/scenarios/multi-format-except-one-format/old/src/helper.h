#pragma once
int helper(int);
